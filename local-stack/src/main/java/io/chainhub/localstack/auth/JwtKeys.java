package io.chainhub.localstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stack's token issuer: an RSA key pair kept as PEM files in a directory (created on
 * first use) and RS256 tokens signed with it. Services verify with the public key file through
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
 */
public final class JwtKeys {

    public static final String ISSUER = "chainhub-local";
    public static final String AUDIENCE = "chainhub";
    public static final String ROLES_CLAIM = "roles";
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path publicKeyFile;
    private final RSAPublicKey publicKey;
    private final RSASSASigner signer;
    private final String keyId;

    private JwtKeys(Path publicKeyFile, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.publicKey = publicKey;
        this.signer = new RSASSASigner(privateKey);
        try {
            this.keyId = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the key pair from {@code dir}, generating it first when the directory has none. */
    public static JwtKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                generate(dir, privateFile, publicFile);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
            return new JwtKeys(publicFile, publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write JWT keys in " + dir, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("broken JWT key files in " + dir + " (delete them to regenerate): " + e.getMessage(), e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The {@code file:} URL Spring's {@code public-key-location} takes. */
    public String publicKeyLocation() {
        return publicKeyFile.toAbsolutePath().toUri().toString();
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A token for one of the {@link DemoUsers}; unknown users are an error. */
    public String mintForDemoUser(String user) {
        return mint(user, DemoUsers.rolesOf(user), DEFAULT_TTL);
    }

    public String mint(String subject, List<String> roles) {
        return mint(subject, roles, DEFAULT_TTL);
    }

    public String mint(String subject, List<String> roles, Duration ttl) {
        return mint(subject, roles, Instant.now(), ttl);
    }

    /** A token issued at {@code issuedAt}, valid for {@code ttl}: a past instant makes an expired token. */
    public String mint(String subject, List<String> roles, Instant issuedAt, Duration ttl) {
        Instant now = issuedAt;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim(ROLES_CLAIM, List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** Under a file lock: two processes starting at once (infra and `chainhub token`) must agree on one pair. */
    private static synchronized void generate(Path dir, Path privateFile, Path publicFile)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".jwt-keys.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            // temp files are created owner-only; the public key must be readable by services running as
            // another user (the compose services read it from a shared volume)
            Files.setPosixFilePermissions(publicFile, PosixFilePermissions.fromString("rw-r--r--"));
            writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}

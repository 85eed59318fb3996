package io.chainhub.devchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.web3j.protocol.ObjectMapperFactory;
import tools.jackson.databind.JsonNode;

/**
 * A contract compiled by {@code scripts/build.mjs} into {@code /contracts/<Name>.json} on the
 * classpath. The ABI is kept as JSON text: callers encode with web3j's {@code Function}.
 */
public record CompiledContract(String name, String abiJson, String bytecode) {

    public static CompiledContract load(String name) {
        String resource = "/contracts/" + name + ".json";
        try (InputStream in = CompiledContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: build dev-chain with Maven "
                        + "(its generate-resources phase compiles the Solidity sources with solcjs)");
            }
            JsonNode json = ObjectMapperFactory.getObjectMapper().readTree(in);
            String bytecode = json.path("bytecode").asString("");
            if (!bytecode.startsWith("0x") || bytecode.length() <= 2) {
                throw new IllegalStateException(resource + " has no bytecode");
            }
            return new CompiledContract(name, json.path("abi").toString(), bytecode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

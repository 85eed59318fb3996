-- Webhook secrets are stored encrypted from V3 on ("enc:v1:" + base64 of IV, ciphertext and GCM tag,
-- about 120 characters for a whsec_ secret): room for that.
ALTER TABLE subscription ALTER COLUMN secret TYPE VARCHAR(300);
ALTER TABLE subscription ALTER COLUMN previous_secret TYPE VARCHAR(300);

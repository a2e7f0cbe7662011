package dev.storefront.security;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A passkey authenticator in software, for tests: one ES256 key pair (the JDK's), "none"
 * attestation, responses in the WebAuthn JSON serialisation (what {@code PublicKeyCredential.toJSON()}
 * gives a browser frontend). Knobs: the origin and rp id it claims, its signature counter, the user
 * handle it returns. Not thread-safe.
 */
public final class SoftwareAuthenticator {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte UP = AuthenticatorData.BIT_UP;
    private static final byte UV = AuthenticatorData.BIT_UV;
    private static final byte AT = AuthenticatorData.BIT_AT;

    private final ObjectConverter converter = new ObjectConverter();
    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private String origin;
    private String rpId;
    private long counter;
    private String userHandle;

    /** An authenticator for the relying party {@code rpId} at {@code origin} (as a browser there would claim). */
    public SoftwareAuthenticator(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The origin the next response claims (a phishing page's, say). */
    public SoftwareAuthenticator origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** The rp id whose hash the next response's authenticator data carries. */
    public SoftwareAuthenticator rpId(String rpId) {
        this.rpId = rpId;
        return this;
    }

    /** The signature counter the next response carries; each assertion then adds one. */
    public SoftwareAuthenticator counter(long counter) {
        this.counter = counter;
        return this;
    }

    /** The user handle assertions return (set by {@link #register} from the options' {@code user.id}). */
    public SoftwareAuthenticator userHandle(String userHandle) {
        this.userHandle = userHandle;
        return this;
    }

    public long counter() {
        return counter;
    }

    /** The credential id, base64url, as the server stores it. */
    public String credentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /**
     * A registration response ({@code navigator.credentials.create()}) to {@code challenge}
     * (base64url) for the user {@code userHandle} (base64url, the options' {@code user.id}).
     */
    public String register(String challenge, String userHandle) {
        this.userHandle = userHandle;
        String clientData = clientData("webauthn.create", challenge);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create(keys, COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(rpIdHash(), (byte) (UP | UV | AT), counter, attested);
        byte[] attestationObject = new AttestationObjectConverter(converter)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        String id = credentialId();
        return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + encode(clientData) + "\",\"attestationObject\":\""
                + BASE64URL.encodeToString(attestationObject) + "\",\"transports\":[\"internal\"]},"
                + "\"clientExtensionResults\":{}}";
    }

    /** An assertion ({@code navigator.credentials.get()}) to {@code challenge}; the counter then moves on by one. */
    public String assertion(String challenge) {
        String clientData = clientData("webauthn.get", challenge);
        byte[] authenticatorData = new AuthenticatorDataConverter(converter)
                .convert(new AuthenticatorData<>(rpIdHash(), (byte) (UP | UV), counter));
        counter++;
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA"); // DER, as WebAuthn's ES256 wants
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData.getBytes(StandardCharsets.UTF_8)));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String id = credentialId();
        return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                + "\"clientDataJSON\":\"" + encode(clientData) + "\",\"authenticatorData\":\""
                + BASE64URL.encodeToString(authenticatorData) + "\",\"signature\":\""
                + BASE64URL.encodeToString(signature) + "\""
                + (userHandle == null ? "" : ",\"userHandle\":\"" + userHandle + "\"")
                + "},\"clientExtensionResults\":{}}";
    }

    private String clientData(String type, String challenge) {
        return "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\""
                + origin.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"crossOrigin\":false}";
    }

    private byte[] rpIdHash() {
        return sha256(rpId.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

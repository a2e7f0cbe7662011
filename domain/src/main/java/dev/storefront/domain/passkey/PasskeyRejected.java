package dev.storefront.domain.passkey;

/**
 * The verifier refused a registration or an assertion. {@link #reason()} is for the registering
 * user's 400 and for tests; a login answers one generic 401 whatever it is.
 */
public final class PasskeyRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        MALFORMED("is not a readable WebAuthn credential"),
        CHALLENGE("answers another challenge: ask for new options"),
        ORIGIN("was made for another origin"),
        RP_ID("was made for another relying party id"),
        SIGNATURE("carries an invalid signature"),
        COUNTER("has a signature counter that did not advance"),
        ATTESTATION("carries an invalid attestation");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PasskeyRejected(Reason reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

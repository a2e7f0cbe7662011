package dev.storefront.http.account;

/** {@code POST /api/email-verification/confirm}. */
public record EmailVerificationConfirmRequest(String token) {
    @Override
    public String toString() {
        return "EmailVerificationConfirmRequest[hidden]";
    }
}

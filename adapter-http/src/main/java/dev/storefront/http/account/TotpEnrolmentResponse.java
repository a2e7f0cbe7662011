package dev.storefront.http.account;

/** {@code POST /api/user/mfa/totp}: the new secret, once. */
public record TotpEnrolmentResponse(String secret, String otpauthUri, String qrSvg) {
    @Override
    public String toString() {
        return "TotpEnrolmentResponse[hidden]";
    }
}

package dev.storefront.http.account;

/** The bodies of the second-factor routes; each route says which fields it needs. */
public record SecondFactorRequest(String currentPassword, String code, String recoveryCode) {
    @Override
    public String toString() {
        return "SecondFactorRequest[hidden]";
    }
}

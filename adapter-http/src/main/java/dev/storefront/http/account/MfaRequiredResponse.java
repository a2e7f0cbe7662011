package dev.storefront.http.account;

import java.util.List;

/** {@code POST /api/login}'s answer when the password was right and a second factor is owed. */
public record MfaRequiredResponse(boolean mfaRequired, List<String> methods) {
    static final MfaRequiredResponse TOTP = new MfaRequiredResponse(true, List.of("totp", "recovery_code"));
}

package dev.storefront.http.account;

import java.util.List;

/** {@code {"recoveryCodes": [...]}}, shown once. */
public record RecoveryCodesResponse(List<String> recoveryCodes) {
    @Override
    public String toString() {
        return "RecoveryCodesResponse[hidden]";
    }
}

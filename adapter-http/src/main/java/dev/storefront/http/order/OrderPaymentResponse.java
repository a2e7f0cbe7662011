package dev.storefront.http.order;

/**
 * An order's payment as api.md shows it on the order: {@code {"status", "provider"}}. Payments are
 * not built yet (issue 11), so every order answers {@code "payment": null}.
 */
public record OrderPaymentResponse(String status, String provider) {}

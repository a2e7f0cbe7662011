package dev.storefront.domain.user;

/** What a user may do: every user is a customer; admins also manage the catalog and orders. */
public enum Role {
    CUSTOMER,
    ADMIN
}

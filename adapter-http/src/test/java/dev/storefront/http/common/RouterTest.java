package dev.storefront.http.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final ApiHandler BY_ID = request -> ApiResponse.ok("by id");
    private static final ApiHandler LITERAL = request -> ApiResponse.ok("literal");

    @Test
    void parameterSegmentIsBound() {
        Router router = new Router().get("/api/products/{id}", BY_ID);

        Router.Match match = router.match("GET", "/api/products/42");

        assertTrue(match.found());
        assertSame(BY_ID, match.route().handler());
        assertEquals(Map.of("id", "42"), match.pathParameters());
    }

    @Test
    void literalBeatsParameterWhicheverIsRegisteredFirst() {
        Router parameterFirst = new Router().get("/api/user/{id}", BY_ID).get("/api/user/sessions", LITERAL);
        Router literalFirst = new Router().get("/api/user/sessions", LITERAL).get("/api/user/{id}", BY_ID);

        for (Router router : new Router[] {parameterFirst, literalFirst}) {
            Router.Match match = router.match("GET", "/api/user/sessions");
            assertSame(LITERAL, match.route().handler());
            assertEquals(Map.of(), match.pathParameters());
            assertSame(BY_ID, router.match("GET", "/api/user/7").route().handler());
        }
    }

    @Test
    void trailingSlashIsNotMatched() {
        Router router = new Router().get("/api/products", LITERAL).get("/api/products/{id}", BY_ID);

        Router.Match match = router.match("GET", "/api/products/");

        assertFalse(match.found());
        assertFalse(match.pathKnown(), "an empty segment does not bind a parameter");
    }

    @Test
    void unknownPathIsNeitherFoundNorKnown() {
        Router.Match match = new Router().get("/api/products", LITERAL).match("GET", "/api/product");

        assertFalse(match.found());
        assertFalse(match.pathKnown());
        assertEquals(Set.of(), match.allowedMethods());
    }

    @Test
    void wrongMethodGivesTheAllowSet() {
        Router router = new Router()
                .get("/api/products/{id}", BY_ID)
                .patch("/api/products/{id}", BY_ID)
                .delete("/api/products/{id}", BY_ID)
                .post("/api/products", LITERAL);

        Router.Match match = router.match("PUT", "/api/products/3");

        assertFalse(match.found());
        assertTrue(match.pathKnown());
        assertEquals(Set.of("GET", "PATCH", "DELETE", "OPTIONS"), match.allowedMethods());
    }

    @Test
    void allowSetUnitesLiteralAndParameterTemplatesThatMatch() {
        Router router = new Router().get("/api/user/{id}", BY_ID).delete("/api/user/sessions", LITERAL);

        assertEquals(Set.of("GET", "DELETE", "OPTIONS"), router.match("PUT", "/api/user/sessions").allowedMethods());
        assertEquals(Set.of("GET", "OPTIONS"), router.match("PUT", "/api/user/7").allowedMethods());
    }

    @Test
    void duplicateRouteIsRejected() {
        Router router = new Router().get("/api/products/{id}", BY_ID);

        assertThrows(IllegalArgumentException.class, () -> router.get("/api/products/{id}", BY_ID));
    }

    @Test
    void sameTemplateWithAnotherParameterNameIsRejectedAsDuplicate() {
        Router router = new Router().get("/api/products/{id}", BY_ID);

        assertThrows(IllegalArgumentException.class, () -> router.get("/api/products/{productId}", BY_ID));
    }

    @Test
    void sameTemplateWithAnotherMethodIsAccepted() {
        Router router = new Router().get("/api/products/{id}", BY_ID).delete("/api/products/{id}", LITERAL);

        assertSame(LITERAL, router.match("DELETE", "/api/products/1").route().handler());
    }

    @Test
    void templateMustStartWithSlash() {
        assertThrows(IllegalArgumentException.class, () -> new Router().get("api/products", LITERAL));
    }
}

package dev.storefront.http;

import dev.storefront.http.common.ClientAddresses;
import dev.storefront.http.common.CorsHandler;
import dev.storefront.http.common.CsrfHandler;
import dev.storefront.http.common.JsonCodec;
import dev.storefront.http.common.OriginPolicy;
import dev.storefront.http.common.PrincipalResolver;
import dev.storefront.http.common.ProblemWriter;
import dev.storefront.http.common.RequestIdHandler;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.RoutingHandler;
import dev.storefront.http.common.SecurityHeadersHandler;
import io.undertow.server.HttpHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles the Storefront HTTP API as one Undertow {@link HttpHandler}: request id, security
 * headers, CORS, CSRF, then the routes. Mount it in any Undertow server.
 */
public final class HttpApi {
    private HttpApi() {}

    public static Builder builder(HttpSettings settings) {
        return new Builder(settings);
    }

    public static final class Builder {
        private final HttpSettings settings;
        private final List<RouteGroup> groups = new ArrayList<>();
        private PrincipalResolver principals = PrincipalResolver.ANONYMOUS;

        private Builder(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder routes(RouteGroup group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /** How a request's logged-in user is found; without one, every request is anonymous. */
        public Builder principals(PrincipalResolver principals) {
            this.principals = Objects.requireNonNull(principals, "principals");
            return this;
        }

        public HttpHandler build() {
            JsonCodec json = new JsonCodec();
            ProblemWriter writer = new ProblemWriter(json);
            Router router = new Router();
            groups.forEach(group -> group.register(router));
            OriginPolicy origins = new OriginPolicy(settings.corsOrigins());
            HttpHandler handler = new RoutingHandler(router, json, writer, settings.maxBodyBytes(), principals,
                    new ClientAddresses(settings.trustedProxies()));
            handler = new CsrfHandler(origins, writer, handler);
            handler = new CorsHandler(origins, writer, handler);
            handler = new SecurityHeadersHandler(handler);
            return new RequestIdHandler(handler);
        }
    }
}

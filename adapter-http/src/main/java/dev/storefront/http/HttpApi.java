package dev.storefront.http;

import dev.storefront.http.account.LoginRequest;
import dev.storefront.http.account.MessageResponse;
import dev.storefront.http.common.ClientAddresses;
import dev.storefront.http.common.CorsHandler;
import dev.storefront.http.common.CsrfHandler;
import dev.storefront.http.common.JsonCodec;
import dev.storefront.http.common.OriginPolicy;
import dev.storefront.http.common.PrincipalResolver;
import dev.storefront.http.common.ProblemWriter;
import dev.storefront.http.common.RequestFramingHandler;
import dev.storefront.http.common.RequestIdHandler;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.RoutingHandler;
import dev.storefront.http.common.SecurityHeadersHandler;
import io.undertow.server.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles the Storefront HTTP API as one Undertow {@link HttpHandler}: request id, security
 * headers, body framing, CORS, CSRF, then the routes. Mount it in any Undertow server.
 */
public final class HttpApi {
    private HttpApi() {}

    /**
     * Loads and initialises the JSON and HTTP server classes on a thread of their own: a server
     * that calls this first does that work on a second core while it opens its database, which
     * took about a third off its start on 2 cores. Only an optimisation: any failure is ignored.
     */
    public static void preloadInBackground() {
        Thread preload = new Thread(HttpApi::preload, "storefront-preload");
        preload.setDaemon(true);
        preload.start();
    }

    private static void preload() {
        try {
            JsonCodec json = new JsonCodec();
            json.write(new MessageResponse("preload"));
            json.read("{\"login\":\"preload\",\"password\":\"preload\"}".getBytes(StandardCharsets.UTF_8),
                    LoginRequest.class);
            io.undertow.Undertow.builder();
        } catch (RuntimeException e) {
            // Nothing lost: the classes load when first used.
        }
    }

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
            handler = new RequestFramingHandler(writer, handler);
            handler = new SecurityHeadersHandler(handler);
            return new RequestIdHandler(handler);
        }
    }
}

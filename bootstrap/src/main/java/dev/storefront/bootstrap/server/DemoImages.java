package dev.storefront.bootstrap.server;

import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.catalog.CatalogFile;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /images/demo/{name}}: the pictures of the demo catalog, small SVGs shipped in the jar
 * ({@code demo-images/} next to this class), so the demo shop shows images without any third-party
 * host. The standalone server mounts them as one more route of the API's router, which gives them
 * the request id, the security headers and problem answers (an unknown name is a 404 problem) like
 * every other route; it serves them whether or not it loaded the demo catalog, since a shop that
 * started from it keeps pointing at them.
 *
 * <p><b>Only a fixed set.</b> The names are those the demo catalog's products refer to, each read
 * from the classpath once at start and held in memory (about 15 KB); a request is a lookup of its
 * path segment in that map, so no request names a resource or a file: {@code ..}, encoded slashes
 * or any other name is simply not a key.
 *
 * <p><b>Headers.</b> SVG can carry script, so beside {@code nosniff} each answer has a
 * Content-Security-Policy that allows nothing and sandboxes the document, should one be opened
 * on its own (as an {@code <img>} an SVG runs no script anyway). The files change only with a
 * release, and a changed picture gets a new name, so they may be cached for a year.
 */
final class DemoImages implements RouteGroup {
    static final String PATH_PREFIX = "/images/demo/";
    static final String CONTENT_TYPE = "image/svg+xml";
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static final String RESOURCES = "demo-images/";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PATH_PREFIX) + "([a-z0-9-]{1,64}\\.svg)");

    private final Map<String, byte[]> images;

    private DemoImages(Map<String, byte[]> images) {
        this.images = Map.copyOf(images);
    }

    /** The images the demo catalog refers to, read from the jar; a missing one stops the start. */
    static DemoImages load() {
        // The catalog's currency does not matter here: only the rows' images are read.
        ImportCatalogCommand catalog = CatalogFile.read(DemoCatalog.content(), Currency.getInstance("USD"), true);
        Map<String, byte[]> images = new TreeMap<>();
        for (ImportCatalogCommand.Row row : catalog.rows()) {
            for (String image : row.images() == null ? List.<String>of() : row.images()) {
                Matcher name = NAME.matcher(image);
                if (!name.matches()) {
                    throw new IllegalStateException("demo catalog row " + row.number() + ": image " + image
                            + " is not " + PATH_PREFIX + "<a-z, 0-9, ->.svg");
                }
                images.computeIfAbsent(name.group(1), DemoImages::read);
            }
        }
        return new DemoImages(images);
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoImages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("demo image " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names served, for tests. */
    Set<String> names() {
        return images.keySet();
    }

    @Override
    public void register(Router router) {
        router.get(PATH_PREFIX + "{name}", request -> {
            byte[] image = images.get(request.pathParameter("name"));
            if (image == null) {
                throw HttpProblemException.notFound();
            }
            return ApiResponse.bytes(200, CONTENT_TYPE, image)
                    .header("Cache-Control", CACHE_CONTROL)
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff");
        });
    }
}

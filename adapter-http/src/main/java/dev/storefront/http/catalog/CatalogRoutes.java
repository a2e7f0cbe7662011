package dev.storefront.http.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.catalog.CreateProductUseCase;
import dev.storefront.domain.port.in.catalog.DeactivateProductUseCase;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.in.catalog.UpdateProductUseCase;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.JsonCodec;
import dev.storefront.http.common.Router;
import java.util.Objects;

/**
 * The catalog: public browsing ({@code GET /api/products}, {@code /api/products/{id}},
 * {@code /api/categories}) and admin writes ({@code POST}, {@code PATCH}, {@code DELETE}). Admin
 * routes check the caller before they read the body: 401 without a login, 403 for a customer.
 */
public final class CatalogRoutes implements RouteGroup {
    private final SearchProductsUseCase searchProducts;
    private final GetProductUseCase getProduct;
    private final ListCategoriesUseCase listCategories;
    private final CreateProductUseCase createProduct;
    private final UpdateProductUseCase updateProduct;
    private final DeactivateProductUseCase deactivateProduct;
    /** Its own codec: every {@link JsonCodec} is configured alike, so the products' JSON is the responses'. */
    private final ProductJsonCache productJson = new ProductJsonCache(new JsonCodec());

    public CatalogRoutes(SearchProductsUseCase searchProducts, GetProductUseCase getProduct,
                         ListCategoriesUseCase listCategories, CreateProductUseCase createProduct,
                         UpdateProductUseCase updateProduct, DeactivateProductUseCase deactivateProduct) {
        this.searchProducts = Objects.requireNonNull(searchProducts, "searchProducts");
        this.getProduct = Objects.requireNonNull(getProduct, "getProduct");
        this.listCategories = Objects.requireNonNull(listCategories, "listCategories");
        this.createProduct = Objects.requireNonNull(createProduct, "createProduct");
        this.updateProduct = Objects.requireNonNull(updateProduct, "updateProduct");
        this.deactivateProduct = Objects.requireNonNull(deactivateProduct, "deactivateProduct");
    }

    @Override
    public void register(Router router) {
        router.get("/api/products", this::search);
        router.get("/api/products/{id}", this::get);
        router.get("/api/categories", request -> ApiResponse.ok(CategoryListResponse.from(listCategories.listCategories())));
        router.post("/api/products", this::create);
        router.patch("/api/products/{id}", this::update);
        router.delete("/api/products/{id}", this::deactivate);
    }

    private ApiResponse search(ApiRequest request) {
        return ApiResponse.ok(ProductPageResponse.from(searchProducts.searchProducts(ProductSearchParameters.parse(request)), productJson));
    }

    private ApiResponse get(ApiRequest request) {
        ProductId id = new ProductId(request.pathId("id"));
        return ApiResponse.ok(SingleProductResponse.from(getProduct.getProduct(id), productJson));
    }

    private ApiResponse create(ApiRequest request) {
        request.requireAdmin();
        CreateProductRequest body = CreateProductRequest.from(request.body(ObjectNode.class));
        Product product = createProduct.createProduct(body.toCommand());
        return ApiResponse.created(SingleProductResponse.from(product, productJson))
                .header("Location", "/api/products/" + product.id().value());
    }

    private ApiResponse update(ApiRequest request) {
        request.requireAdmin();
        ProductId id = new ProductId(request.pathId("id"));
        UpdateProductRequest body = UpdateProductRequest.from(request.body(ObjectNode.class));
        return ApiResponse.ok(SingleProductResponse.from(updateProduct.updateProduct(body.toCommand(id)), productJson));
    }

    private ApiResponse deactivate(ApiRequest request) {
        request.requireAdmin();
        deactivateProduct.deactivateProduct(new ProductId(request.pathId("id")));
        return ApiResponse.noContent();
    }
}

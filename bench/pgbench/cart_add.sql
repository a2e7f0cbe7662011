-- The SQL of one POST /api/cart/items (AddCartItemService), as Storefront sends it on PostgreSQL:
-- the cart owner's advisory lock (the key LockKey.asLong computes: the first 8 bytes of the
-- SHA-256 of "cart-user:ID"), the cart, its products and the new one, then the one changed line.
-- Variables from bench/postgres.sh: users (how many), first_user (the lowest seeded user id),
-- products. Each client takes random users, as the add-to-cart scenario's wrk threads do.
\set uid :first_user + random(0, :users - 1)
\set pid random(1, :products - 1)
\set pid :pid + case when :pid % 20 = 0 then 1 else 0 end
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(('x' || substr(encode(sha256(convert_to('cart-user:' || :uid, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint);
SELECT product_id, quantity, added_at FROM cart_line WHERE user_id = :uid ORDER BY position;
SELECT id, sku, name, description, category, price_minor, stock, active, created_at FROM product
  WHERE id IN (SELECT product_id FROM cart_line WHERE user_id = :uid UNION ALL SELECT :pid);
INSERT INTO cart_line (user_id, product_id, quantity, added_at, position)
  VALUES (:uid, :pid, 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
          (SELECT COALESCE(MAX(position) + 1, 0) FROM cart_line WHERE user_id = :uid))
  ON CONFLICT (user_id, product_id) WHERE user_id IS NOT NULL DO UPDATE SET quantity = LEAST(cart_line.quantity + 1, 99);
COMMIT;

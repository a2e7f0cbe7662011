-- One order of the checkout scenario, as Storefront sends its SQL on PostgreSQL: two adds to the
-- cart (AddCartItemService, one transaction each) and the checkout (CheckoutService, one
-- transaction), so one run of this script is one order and pgbench's tps is comparable with the
-- scenario's orders/s. Client N (0-based) uses the seeded users first_user + N, + N + clients, ...
-- as the scenario's wrk thread N + 1 uses its own share of the sessions.
\set uid :first_user + :client_id + :clients * random(0, :users / :clients - 1)
\set key random(1, 1000000000000)
\set p1 random(1, :products - 1)
\set p1 :p1 + case when :p1 % 20 = 0 then 1 else 0 end
\set p2 random(1, :products - 1)
\set p2 :p2 + case when :p2 % 20 = 0 then 1 else 0 end
\set low least(:p1, :p2)
\set high greatest(:p1, :p2)
-- the two adds
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(('x' || substr(encode(sha256(convert_to('cart-user:' || :uid, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint);
SELECT product_id, quantity, added_at FROM cart_line WHERE user_id = :uid ORDER BY position;
SELECT id, sku, name, description, category, price_minor, stock, active, created_at FROM product
  WHERE id IN (SELECT product_id FROM cart_line WHERE user_id = :uid UNION ALL SELECT :p1);
INSERT INTO cart_line (user_id, product_id, quantity, added_at, position)
  VALUES (:uid, :p1, 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
          (SELECT COALESCE(MAX(position) + 1, 0) FROM cart_line WHERE user_id = :uid))
  ON CONFLICT (user_id, product_id) WHERE user_id IS NOT NULL DO UPDATE SET quantity = LEAST(cart_line.quantity + 1, 99);
COMMIT;
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(('x' || substr(encode(sha256(convert_to('cart-user:' || :uid, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint);
SELECT product_id, quantity, added_at FROM cart_line WHERE user_id = :uid ORDER BY position;
SELECT id, sku, name, description, category, price_minor, stock, active, created_at FROM product
  WHERE id IN (SELECT product_id FROM cart_line WHERE user_id = :uid UNION ALL SELECT :p2);
INSERT INTO cart_line (user_id, product_id, quantity, added_at, position)
  VALUES (:uid, :p2, 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
          (SELECT COALESCE(MAX(position) + 1, 0) FROM cart_line WHERE user_id = :uid))
  ON CONFLICT (user_id, product_id) WHERE user_id IS NOT NULL DO UPDATE SET quantity = LEAST(cart_line.quantity + 1, 99);
COMMIT;
-- the checkout: lock, idempotency key, cart, its products, stock in ascending id order, the order
-- and its lines, the cart emptied, the key stored
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(('x' || substr(encode(sha256(convert_to('cart-user:' || :uid, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint);
SELECT order_id FROM idempotency_key WHERE user_id = :uid AND key_text = 'pgbench-' || :key;
SELECT product_id, quantity, added_at FROM cart_line WHERE user_id = :uid ORDER BY position;
SELECT id, sku, name, description, category, price_minor, stock, active, created_at FROM product
  WHERE id IN (SELECT product_id FROM cart_line WHERE user_id = :uid);
UPDATE product SET stock = stock - 1 WHERE id = :low AND stock >= 1;
UPDATE product SET stock = stock - 1 WHERE id = :high AND stock >= 1;
INSERT INTO orders (user_id, status, created_at, updated_at)
  VALUES (:uid, 'PENDING', (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
          (extract(epoch FROM clock_timestamp()) * 1000)::bigint) RETURNING id AS order_id \gset
INSERT INTO order_item (order_id, position, product_id, sku, name, unit_price_minor, quantity)
  SELECT :order_id, 0, id, sku, name, price_minor, 1 FROM product WHERE id = :low;
INSERT INTO order_item (order_id, position, product_id, sku, name, unit_price_minor, quantity)
  SELECT :order_id, 1, id, sku, name, price_minor, 1 FROM product WHERE id = :high AND :high <> :low;
DELETE FROM cart_line WHERE user_id = :uid;
INSERT INTO idempotency_key (user_id, key_text, order_id, used_at)
  VALUES (:uid, 'pgbench-' || :key, :order_id, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
  ON CONFLICT (user_id, key_text) DO NOTHING;
COMMIT;

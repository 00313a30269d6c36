package dev.tapes.it.quarkus;

import dev.tapes.examples.shop.CatalogResource;
import dev.tapes.examples.shop.Item;
import jakarta.ws.rs.Path;
import java.util.Map;

/**
 * A catalog of the example shop's kind with no scope annotation at all, unlike the shop's own
 * catalogs (request-scoped, without which Payara would name their metrics after {@code
 * CatalogResource}): Quarkus makes every resource class a bean, so the {@code @MeteredClass} this
 * class inherits still names its metrics after it, {@code shop.ThingResource.lookup}, ...
 */
@Path("things")
public class ThingResource extends CatalogResource {

  private static final Map<String, Item> ITEMS = Map.of("t1", new Item("t1", "doohickey", 4));

  @Override
  protected Map<String, Item> items() {
    return ITEMS;
  }
}

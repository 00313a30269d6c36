package dev.tapes.it.quarkus.shop;

import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Another catalog, with metrics of its own ({@code shop.GadgetResource.lookup}, ...), and unlike
 * the example WAR's without a scope of its own: Quarkus makes every resource class a bean, so the
 * concrete class is known without one.
 */
@Path("gadgets")
public class GadgetResource extends CatalogResource {

  private static final Map<String, Item> ITEMS = new LinkedHashMap<>();

  static {
    ITEMS.put("g1", new Item("g1", "whirligig", 7));
  }

  @Override
  protected Map<String, Item> items() {
    return ITEMS;
  }
}

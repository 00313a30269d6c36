package dev.tapes.examples.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Another catalog, with metrics of its own: {@code shop.GadgetResource.lookup}, ... */
@RequestScoped
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

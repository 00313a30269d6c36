package dev.tapes.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.cdi.MeteredClass;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Names of resource methods: the template, {@code @MeteredClass} (tapes-cdi on the class path,
 * recognised by name) and which methods are endpoints. Runs with the CDI tests, which have
 * tapes-cdi.
 */
class ResourceNamingCdiTest {

  private static final ResourceNaming DEFAULT = ResourceNaming.parse("http.{}.{method}");

  @Test
  void theDefaultIsHttpSimpleClassNameMethodName() throws Exception {
    assertThat(DEFAULT.prefix(Plain.class, method(Plain.class, "list")))
        .isEqualTo("http.Plain.list");
  }

  @Test
  void everyPlaceholderExpands() throws Exception {
    assertThat(ResourceNaming.parse("{package}/{class}/{}/{method}")
        .prefix(Plain.class, method(Plain.class, "list")))
        .isEqualTo("dev.tapes.jaxrs/dev.tapes.jaxrs.ResourceNamingCdiTest$Plain/Plain/list");
  }

  @Test
  void anUnknownOrUnclosedPlaceholderIsRefusedWithTheTemplate() {
    assertThatThrownBy(() -> ResourceNaming.parse("http.{nmae}.{method}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name template 'http.{nmae}.{method}': unknown placeholder {nmae}; known:"
            + " {}, {class}, {package}, {method}");
    assertThatThrownBy(() -> ResourceNaming.parse("http.{")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> ResourceNaming.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void meteredClassOnASuperclassNamesTheConcreteClass() throws Exception {
    assertThat(DEFAULT.prefix(Widgets.class, method(Widgets.class, "list")))
        .isEqualTo("shop.Widgets.list");
    assertThat(DEFAULT.prefix(Gadgets.class, method(Gadgets.class, "list")))
        .isEqualTo("shop.Gadgets.list");
  }

  @Test
  void anEmptyMeteredClassMeansTheSimpleName() throws Exception {
    assertThat(DEFAULT.prefix(Bare.class, method(Bare.class, "list"))).isEqualTo("Bare.list");
  }

  @Test
  void aMethodPlaceholderInTheClassTemplateIsRefused() {
    assertThatThrownBy(() -> DEFAULT.prefix(MethodInClassTemplate.class,
        method(MethodInClassTemplate.class, "list")))
        .hasMessageContaining("@MeteredClass(\"shop.{method}\")")
        .hasMessageContaining("placeholder {method} is only known in the names of @Timed");
  }

  @Test
  void containerGeneratedSubclassesAreNamedAfterTheApplicationsClass() throws Exception {
    assertThat(DEFAULT.prefix(Plain$$Proxy.class, method(Plain.class, "list")))
        .isEqualTo("http.Plain.list");
  }

  @Test
  void onlyMethodsWithAnHttpMethodDesignatorAreEndpoints() throws Exception {
    assertThat(ResourceTimingFeature.isResourceMethod(method(Plain.class, "list"))).isTrue();
    assertThat(ResourceTimingFeature.isResourceMethod(method(Plain.class, "helper"))).isFalse();
    assertThat(ResourceTimingFeature.isResourceMethod(method(Implementation.class, "get")))
        .as("designator inherited from the interface").isTrue();
    assertThat(ResourceTimingFeature.isResourceMethod(method(Widgets.class, "list")))
        .as("designator inherited from the superclass").isTrue();
  }

  private static Method method(Class<?> type, String name) throws NoSuchMethodException {
    return type.getMethod(name);
  }

  @Path("/plain")
  public static class Plain {
    @GET
    public String list() {
      return "";
    }

    public String helper() {
      return "";
    }
  }

  /** What CDI containers generate: a subclass with {@code $$} in its name. */
  public static class Plain$$Proxy extends Plain {}

  @MeteredClass("shop.{}")
  public abstract static class ShopBase {
    @GET
    public String list() {
      return "";
    }
  }

  @Path("/widgets")
  public static class Widgets extends ShopBase {
    @Override
    public String list() {
      return "widgets";
    }
  }

  @Path("/gadgets")
  public static class Gadgets extends ShopBase {}

  @MeteredClass
  @Path("/bare")
  public static class Bare extends Plain {}

  /** Abstract, so that the Weld of the other CDI tests, which discovers this class, ignores it. */
  @MeteredClass("shop.{method}")
  @Path("/wrong")
  public abstract static class MethodInClassTemplate extends Plain {}

  /** An endpoint declared on an interface. */
  @Path("/api")
  public interface Api {
    @GET
    String get();
  }

  public static class Implementation implements Api {
    @Override
    public String get() {
      return "";
    }
  }
}

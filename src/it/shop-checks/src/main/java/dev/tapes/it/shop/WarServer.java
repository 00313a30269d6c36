package dev.tapes.it.shop;

import dev.tapes.testkit.ListeningSockets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A Jakarta EE server started by a test, which deploys WARs: Payara Micro, WildFly. The checks
 * every such server runs on the example WAR are here, once.
 */
public interface WarServer {

  /** {@code http://127.0.0.1:PORT/} + {@code path}. */
  URI uri(String path);

  /** The server JVM's process id. */
  long pid();

  /** What the server has logged so far. */
  String log();

  /** Deploys {@code war} as {@code /name} and waits until it is deployed. */
  void deploy(Path war, String name) throws IOException;

  /** Undeploys {@code /name} and waits until it is undeployed. */
  void undeploy(String name) throws IOException;

  /** The acceptance checks of the example shop, on {@code war} deployed as {@code /shop}. */
  default void checkShop(Path war) throws IOException {
    deploy(war, "shop");
    try {
      ShopAcceptance.check(new ShopClient(uri("shop/")), "/shop/", this::log);
    } finally {
      undeploy("shop");
    }
  }

  /** With {@code war} deployed and answering, the server listens on loopback only. */
  default void checkListensOnLoopbackOnly(Path war) throws IOException {
    deploy(war, "exposure");
    try {
      new ShopClient(uri("exposure/")).sendExpecting(1, 200, "GET", "widgets");

      if (ListeningSockets.of(pid()).isEmpty()) {
        throw new AssertionError("no listening socket found for the server (" + pid() + ")");
      }
      if (!ListeningSockets.nonLoopback(pid()).isEmpty()) {
        throw new AssertionError("the server listens beyond loopback: "
            + ListeningSockets.nonLoopback(pid()));
      }
    } finally {
      undeploy("exposure");
    }
  }
}

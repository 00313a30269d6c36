package dev.tapes.it.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A deployment directory watched by a scanner that reports each outcome in a marker file beside
 * the WAR: Payara Micro's autodeployer ({@code shop.war_deployed}), WildFly's deployment scanner
 * ({@code shop.war.deployed}).
 */
public final class DeploymentDirectory {

  /** The suffixes the scanner appends to {@code name.war} for each outcome. */
  public record Markers(String deployed, String deployFailed, String undeployed,
      String undeployFailed) {}

  /** Waits for {@code done}, failing at once, with the server's log, if the server exits. */
  @FunctionalInterface
  public interface Waiter {
    void await(Duration timeout, String what, BooleanSupplier done);
  }

  private final Path directory;
  private final Markers markers;
  private final Duration timeout;
  private final Waiter waiter;
  private final Supplier<String> log;

  public DeploymentDirectory(Path directory, Markers markers, Duration timeout, Waiter waiter,
      Supplier<String> log) {
    this.directory = directory;
    this.markers = markers;
    this.timeout = timeout;
    this.waiter = waiter;
    this.log = log;
  }

  /**
   * Deploys {@code war} as {@code /name}: copied in under another name and renamed, so that the
   * scanner never sees half a file, then its marker awaited.
   */
  public void deploy(Path war, String name) throws IOException {
    Path deployed = marker(name, markers.deployed());
    Path failed = marker(name, markers.deployFailed());
    Files.deleteIfExists(deployed);
    Files.deleteIfExists(failed);
    Path part = directory.resolve("." + name + ".war.part");
    Files.copy(war, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, directory.resolve(name + ".war"), StandardCopyOption.ATOMIC_MOVE);
    awaitOutcome("deployment of " + name, deployed, failed);
  }

  /** Undeploys {@code /name} (its CDI container shuts down) and awaits the marker. */
  public void undeploy(String name) throws IOException {
    Path undeployed = marker(name, markers.undeployed());
    Path failed = marker(name, markers.undeployFailed());
    Files.deleteIfExists(undeployed);
    Files.deleteIfExists(failed);
    Files.delete(directory.resolve(name + ".war"));
    awaitOutcome("undeployment of " + name, undeployed, failed);
  }

  private void awaitOutcome(String what, Path succeeded, Path failed) throws IOException {
    waiter.await(timeout, what, () -> Files.exists(succeeded) || Files.exists(failed));
    if (Files.exists(failed)) {
      // WildFly writes the reason into its marker; Payara's is empty.
      throw new AssertionError(what + " failed: " + Files.readString(failed) + "; log:\n"
          + log.get());
    }
  }

  private Path marker(String name, String suffix) {
    return directory.resolve(name + ".war" + suffix);
  }
}

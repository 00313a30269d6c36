package dev.tapes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks inside another JVM of this machine with {@code jcmd}: its threads, and the classes it
 * still holds objects of. jcmd talks to the JVM over the attach API's UNIX socket, so the target
 * needs no agent, no JMX port and no setting (only the same user and {@code /tmp}, and attach
 * not disabled).
 *
 * <pre>{@code
 * assertThat(JvmProbe.of(server.pid()).threadNames()).noneMatch(n -> n.startsWith("tapes-"));
 * assertThat(JvmProbe.of(server.pid()).liveClasses("dev.tapes.")).isEmpty();
 * }</pre>
 */
public final class JvmProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final long pid;

  private JvmProbe(long pid) {
    this.pid = pid;
  }

  public static JvmProbe of(long pid) {
    return new JvmProbe(pid);
  }

  /** The names of the JVM's live threads ({@code jcmd PID Thread.print}). */
  public List<String> threadNames() {
    List<String> names = new ArrayList<>();
    for (String line : jcmd("Thread.print").split("\n")) {
      // "name" #12 daemon prio=5 ...
      int end = line.startsWith("\"") ? line.indexOf('"', 1) : -1;
      if (end > 0) {
        names.add(line.substring(1, end));
      }
    }
    return names;
  }

  /**
   * The classes whose name starts with {@code prefix} that still have reachable instances, with
   * their instance counts summed over class loaders ({@code jcmd PID GC.class_histogram}, which
   * collects garbage first). Arrays count under their element class: {@code [Lx.Y;} as {@code
   * x.Y[]}. Empty once every class loader that loaded such classes is unreachable, as an
   * application's is after it is undeployed, unless something still holds it.
   */
  public Map<String, Long> liveClasses(String prefix) {
    Map<String, Long> classes = new TreeMap<>();
    for (String line : jcmd("GC.class_histogram").split("\n")) {
      // " 318:           183           5856  dev.tapes.Ewma" (JDK classes add " (java.base@17)")
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 4 || !fields[0].endsWith(":")) {
        continue;
      }
      String name = fields[3].startsWith("[L") && fields[3].endsWith(";")
          ? fields[3].substring(2, fields[3].length() - 1) + "[]" : fields[3];
      if (name.startsWith(prefix)) {
        classes.merge(name, Long.parseLong(fields[1]), Long::sum);
      }
    }
    return classes;
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Command.Result result = Command.run(List.of(jcmd.toString(), Long.toString(pid), command),
          null, null, TIMEOUT);
      if (result.exitCode() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed (exit "
            + result.exitCode() + "): " + result.output());
      }
      return result.output();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + jcmd, e);
    }
  }
}

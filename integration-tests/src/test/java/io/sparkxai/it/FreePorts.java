package io.sparkxai.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for the cluster's fixed ports (the master's, its web UI, a driver's).
 * They are drawn at random below the kernel's ephemeral range, where the random ports of every
 * other program on the machine (port 0 binds, outgoing connections) never land, and checked free;
 * a port is never handed out twice by this JVM. The JVMs bind them with {@code spark.port.maxRetries=0},
 * so a port taken in between fails loudly, naming the port, instead of moving to the next one.
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = new HashSet<>();
  private static final int SPAN = 12_000;

  private FreePorts() {}

  /** A port free right now on 127.0.0.1. */
  public static synchronized int next() {
    int top = ephemeralLow();
    int bottom = Math.max(1024, top - SPAN);
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(bottom, top);
      if (!GIVEN.contains(port) && isFree(port)) {
        GIVEN.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1 in [" + bottom + ", " + top + ") after 100 tries");
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The low end of Linux's ephemeral port range (32768 when it cannot be read). */
  private static int ephemeralLow() {
    // procfs files report odd sizes: read them as a stream, not with Files.readString
    try (var in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      int low = Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
      return low > 2048 ? low : 32768;
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }
}

package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-JVM engine cache: one load per key under concurrency, bounded, evicted engines closed when free. */
class EngineCacheTest {

  private static Graph tiny() {
    return new Graph("x", new int[] {2}, InputLayout.CHW, List.of(
        Node.of("fc", new Layer.Linear(2, 2, new double[] {1, 0, 0, 1}, null), "x")), null);
  }

  private static LrpEngine engine() {
    return LrpEngines.engine(tiny(), LrpOptions.of(Composites.epsilonPlus()));
  }

  @AfterEach
  void clear() {
    EngineCache.clear();
  }

  @Test
  void concurrentFirstUsesLoadOnce() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<LrpEngine>> got = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        got.add(pool.submit(() -> {
          start.await();
          try (EngineCache.Lease l = EngineCache.acquire("once", () -> {
            builds.incrementAndGet();
            return engine();
          })) {
            return l.engine();
          }
        }));
      }
      start.countDown();
      LrpEngine first = got.get(0).get();
      for (Future<LrpEngine> f : got) {
        assertSame(first, f.get());
      }
      assertEquals(1, builds.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void boundedLeastRecentlyUsedFirstAndLeasedEnginesStayOpen() {
    System.setProperty(EngineCache.MAX_PROPERTY, "2");
    try {
      EngineCache.Lease held = EngineCache.acquire("a", EngineCacheTest::engine);
      assertTrue(held.loaded());
      EngineCache.acquire("b", EngineCacheTest::engine).close();
      EngineCache.acquire("c", EngineCacheTest::engine).close();
      // "a" is the oldest but in use: "b" goes
      assertEquals(List.of("a", "c"), EngineCache.keys());
      EngineCache.acquire("d", EngineCacheTest::engine).close();
      assertEquals(List.of("a", "d"), EngineCache.keys());
      held.close();
      EngineCache.Lease again = EngineCache.acquire("d", () -> {
        throw new AssertionError("d is cached");
      });
      assertFalse(again.loaded());
      again.close();
    } finally {
      System.clearProperty(EngineCache.MAX_PROPERTY);
    }
  }

  @Test
  void anEngineClearedWhileInUseClosesWhenReleased() {
    EngineCache.Lease held = EngineCache.acquire("held", EngineCacheTest::engine);
    EngineCache.clear();
    assertFalse(EngineCache.keys().contains("held"));
    double[] r = held.engine().explain(new double[] {1, 2, 1, 2}, 2, Target.predicted()).relevance();
    assertEquals(1.0, r[1], 1e-5, "still computes while leased (identity layer, class 1, init one)");
    held.close();
    assertThrows(RuntimeException.class, () -> held.engine().explain(new double[] {1, 2, 1, 2}, 2,
        Target.predicted()), "closed once released");
  }

  @Test
  void aFailedLoadIsNotCached() {
    assertThrows(IllegalStateException.class, () -> EngineCache.acquire("bad", () -> {
      throw new IllegalStateException("no model");
    }));
    assertFalse(EngineCache.keys().contains("bad"));
    try (EngineCache.Lease l = EngineCache.acquire("bad", EngineCacheTest::engine)) {
      assertTrue(l.loaded());
    }
  }
}

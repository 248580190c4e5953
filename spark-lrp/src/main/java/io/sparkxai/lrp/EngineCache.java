package io.sparkxai.lrp;

import io.sparkxai.lrp.core.LrpEngine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LRP engines of one JVM (an executor, or the driver on {@code local[*]}): one per model content,
 * rules, device and precision, built on first use and shared by every task and thread after it, so a
 * model is read and placed on the device once per JVM, not once per partition. Bounded: beyond
 * {@link #maxEngines()} (system property {@value #MAX_PROPERTY}, default 4) the least recently used
 * engine that no task holds is closed (when every engine is held, the cache stays over the bound until
 * one is released and another is needed). Thread-safe: concurrent first uses of a key wait for one
 * load.
 * Engines still open when the JVM exits are closed by a shutdown hook.
 *
 * <p>Tasks {@link #acquire} a lease and close it when their partition is done; an engine
 * {@link #clear() cleared} while leased is closed when its last lease is.
 */
final class EngineCache {

  /** System property: how many engines one JVM keeps. */
  static final String MAX_PROPERTY = "sparkxai.lrp.max-cached-models";

  private static final Logger LOG = LoggerFactory.getLogger(EngineCache.class);
  private static final Object LOCK = new Object();
  private static final LinkedHashMap<String, Entry> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);
  private static final AtomicLong LOADS = new AtomicLong();
  private static volatile boolean hookAdded;

  private EngineCache() {}

  private static final class Entry {
    final CompletableFuture<LrpEngine> engine = new CompletableFuture<>();
    int leases;
    boolean evicted;
  }

  /** A task's use of a cached engine; closing it lets the cache close the engine once evicted. */
  static final class Lease implements AutoCloseable {
    private final String key;
    private final Entry entry;
    private final LrpEngine engine;
    private final boolean loaded;
    private boolean closed;

    private Lease(String key, Entry entry, LrpEngine engine, boolean loaded) {
      this.key = key;
      this.entry = entry;
      this.engine = engine;
      this.loaded = loaded;
    }

    /** The engine. */
    LrpEngine engine() {
      return engine;
    }

    /** Whether this acquisition built the engine (a model load), rather than finding it cached. */
    boolean loaded() {
      return loaded;
    }

    @Override
    public void close() {
      synchronized (LOCK) {
        if (closed) {
          return;
        }
        closed = true;
        entry.leases--;
        if (entry.evicted && entry.leases == 0) {
          closeQuietly(key, entry);
        }
      }
    }
  }

  /** The most engines kept. */
  static int maxEngines() {
    return Math.max(1, Integer.getInteger(MAX_PROPERTY, 4));
  }

  /** Models loaded by this JVM so far (engines built, failed loads excluded). */
  static long loads() {
    return LOADS.get();
  }

  /** Keys of the engines cached now, least recently used first. */
  static List<String> keys() {
    synchronized (LOCK) {
      return new ArrayList<>(ENTRIES.keySet());
    }
  }

  /**
   * The engine for {@code key}, built with {@code loader} when absent. Waits while another thread
   * builds the same key; a failed build is not cached (the next call tries again).
   */
  static Lease acquire(String key, Supplier<LrpEngine> loader) {
    addHookOnce();
    Entry e;
    boolean mine = false;
    synchronized (LOCK) {
      e = ENTRIES.get(key);
      if (e == null) {
        e = new Entry();
        ENTRIES.put(key, e);
        mine = true;
      }
      e.leases++;
    }
    if (mine) {
      try {
        e.engine.complete(loader.get());
        LOADS.incrementAndGet();
      } catch (RuntimeException | Error t) {
        e.engine.completeExceptionally(t);
        synchronized (LOCK) {
          ENTRIES.remove(key, e);
          e.leases--;
        }
        throw t;
      }
      synchronized (LOCK) {
        evictBeyondBound();
      }
    }
    try {
      return new Lease(key, e, e.engine.join(), mine);
    } catch (CompletionException ce) {
      synchronized (LOCK) {
        e.leases--;
      }
      Throwable cause = ce.getCause();
      throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    }
  }

  private static void evictBeyondBound() {
    int max = maxEngines();
    Iterator<Map.Entry<String, Entry>> it = ENTRIES.entrySet().iterator();
    while (ENTRIES.size() > max && it.hasNext()) {
      Map.Entry<String, Entry> m = it.next();
      Entry e = m.getValue();
      if (!e.engine.isDone() || e.leases > 0) {
        continue; // being built, or in use: a task's engine is never closed under it
      }
      it.remove();
      e.evicted = true;
      closeQuietly(m.getKey(), e);
    }
  }

  /** Closes and forgets every engine no task holds (tests; a JVM that is done with LRP). */
  static void clear() {
    synchronized (LOCK) {
      Iterator<Map.Entry<String, Entry>> it = ENTRIES.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Entry> m = it.next();
        Entry e = m.getValue();
        if (e.engine.isDone()) {
          it.remove();
          e.evicted = true;
          if (e.leases == 0) {
            closeQuietly(m.getKey(), e);
          }
        }
      }
    }
  }

  private static void closeQuietly(String key, Entry e) {
    try {
      LrpEngine engine = e.engine.getNow(null);
      if (engine != null) {
        engine.close();
      }
    } catch (RuntimeException | Error t) {
      LOG.warn("closing the LRP engine of {} failed: {}", key, t.toString());
    }
  }

  private static void addHookOnce() {
    if (hookAdded) {
      return;
    }
    synchronized (LOCK) {
      if (!hookAdded) {
        Runtime.getRuntime().addShutdownHook(new Thread(EngineCache::clear, "spark-xai-lrp-engine-cache"));
        hookAdded = true;
      }
    }
  }
}

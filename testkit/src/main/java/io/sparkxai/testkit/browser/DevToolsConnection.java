package io.sparkxai.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One Chrome DevTools Protocol session over a WebSocket: {@link #call} sends a command and waits
 * for its answer; events (messages with a {@code method} and no {@code id}) go to the listeners
 * added with {@link #onEvent}, on the WebSocket's thread, in arrival order.
 */
final class DevToolsConnection implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final Supplier<String> diagnostics;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private DevToolsConnection(URI url, HttpClient http, Supplier<String> diagnostics) {
    this.diagnostics = diagnostics;
    try {
      this.socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
          .buildAsync(url, new Receiver()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to " + url, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot open DevTools WebSocket " + url + ": " + e
          + "; chromium stderr: " + diagnostics.get(), e);
    }
  }

  /** Connects to the DevTools WebSocket {@code url}; {@code diagnostics} feeds error messages. */
  static DevToolsConnection connect(URI url, HttpClient http, Supplier<String> diagnostics) {
    return new DevToolsConnection(url, http, diagnostics);
  }

  /** Adds a listener for events; {@code listener} gets the whole message ({@code method}, {@code params}). */
  void onEvent(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  /** A fresh empty JSON object, for command parameters. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Sends {@code method} with {@code params} and returns its {@code result}; throws on an error answer. */
  JsonNode call(String method, ObjectNode params) {
    int id = nextId.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = object().put("id", id).put("method", method);
    message.set("params", params == null ? object() : params);
    try {
      synchronized (socket) {
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException("DevTools " + method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during DevTools " + method, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("DevTools " + method + " got no answer in "
          + TIMEOUT.toSeconds() + " s; chromium stderr: " + diagnostics.get(), e);
    } catch (ExecutionException | IOException e) {
      throw new IllegalStateException("DevTools " + method + " failed: " + e
          + "; chromium stderr: " + diagnostics.get(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** Closes the WebSocket (the page target itself is closed by its owner). */
  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      socket.abort();
    }
    failPending(new IllegalStateException("DevTools connection closed"));
  }

  private void failPending(Throwable cause) {
    pending.values().forEach(f -> f.completeExceptionally(cause));
  }

  private void dispatch(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      failPending(new IllegalStateException("unreadable DevTools message: " + e.getMessage(), e));
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else if (message.has("method")) {
      listeners.forEach(l -> l.accept(message));
    }
  }

  /** Joins a message's text frames, then dispatches it. */
  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failPending(new IllegalStateException("DevTools WebSocket closed (" + statusCode + " " + reason + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failPending(new IllegalStateException("DevTools WebSocket failed: " + error, error));
    }
  }
}

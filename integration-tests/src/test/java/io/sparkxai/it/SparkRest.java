package io.sparkxai.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs JSON from Spark's web UIs: the master's {@code /json/} (workers and applications) and a
 * driver's {@code /api/v1/...} (jobs, stages, executors and their running tasks).
 */
public final class SparkRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SparkRest() {}

  /** The JSON at {@code uri}; an {@link IOException} for a refused connection, a timeout or a non-200 status. */
  public static JsonNode get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }
}

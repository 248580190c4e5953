package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptDataFrames;
import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.conf.SparkXaiConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai concepts-data}: writes one of the synthetic concept benchmarks (xor,
 * trigonometry, dot) as a CSV file with a header: {@code x0.., c0.., y}. Row i depends only on the
 * seed and i, so a file of N rows starts with the same rows as one of M &gt; N rows.
 */
@Command(name = "concepts-data", mixinStandardHelpOptions = true,
    description = "Writes a synthetic concept data set (xor, trigonometry, dot) as CSV: x0.., c0.., y.")
public final class ConceptsDataCommand extends JobCommand {

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "xor, trigonometry or dot.")
  String dataset;

  @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows to write (>= 1).")
  long rows;

  @Mixin SeedOption seed;

  @Option(names = "--output", required = true, paramLabel = "PATH.csv",
      description = "The CSV file to write (replaced atomically if it exists).")
  Path output;

  @Option(names = "--partitions", paramLabel = "N", description = "Partitions used to generate (default 2).")
  Integer partitions;

  @Override
  public Integer call() throws Exception {
    ConceptDataset data;
    try {
      data = ConceptDataset.of(dataset);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--dataset " + dataset + ": unknown data set; data sets: xor, trigonometry, dot");
    }
    if (rows < 1) {
      throw new UsageException("--rows must be >= 1, got " + rows);
    }
    int parts = partitions == null ? 2 : partitions;
    if (parts < 1) {
      throw new UsageException("--partitions must be >= 1, got " + parts);
    }
    if (Files.isDirectory(output)) {
      throw new UsageException("--output " + output + " is a folder; give a file name like data.csv");
    }
    SparkXaiConfig config = common.load(new Flags().put("sparkxai.concepts.seed", seed.seed).asMap());
    long s = config.getLong("sparkxai.concepts.seed");
    long started = System.nanoTime();
    return withSpark(config, spark -> {
      // One partition keeps the rows in index order in one file.
      writeCsv(ConceptDataFrames.generate(spark, data, s, 0, rows, parts).coalesce(1), output.toAbsolutePath());
      out().printf("concepts-data: %s, %d rows (seed %d, %d features, %d concepts) written to %s in %.1f s%n",
          data.cliName(), rows, s, data.numFeatures(), data.numConcepts(), output, secondsSince(started));
      return 0;
    });
  }

  /** Writes one partition as a CSV file with a header: Spark writes a folder beside it, its one part is moved. */
  private static void writeCsv(Dataset<Row> onePartition, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.getParent().resolve("." + target.getFileName() + ".writing-" + System.nanoTime());
    try {
      onePartition.write().option("header", "true").csv(tmp.toString());
      Path part;
      try (Stream<Path> files = Files.list(tmp)) {
        List<Path> csv = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
        if (csv.size() != 1) {
          throw new IOException("expected one CSV part in " + tmp + ", found " + csv.size());
        }
        part = csv.get(0);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(tmp);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

#!/usr/bin/env bash
# LrpSparkBench: LRP images/s and images per CPU-second, LRP/forward ratio, and Spark (local[2]) vs the
# engine alone, per model and composite, on N PyTorch threads (default 2). Builds what it needs first.
# Usage: benchmarks/lrp-spark-bench.sh [ONNX_DIR [BATCH [ROWS_28 [ROWS_WIDE [REPS [MODELS [COMPOSITES]]]]]]]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mvn -B -q -DskipTests package -pl benchmarks -am
threads=${LRP_BENCH_THREADS:-2}
cp="benchmarks/target/classes:jobs/target/spark-xai-jobs-0.1.0-SNAPSHOT.jar:$(cat jobs/target/classpath-runtime.txt):$(cat jobs/target/classpath-provided.txt)"
# the Java 17 opens Spark needs (the root pom's spark.java.opens), and no test-JVM flags
opens=$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' pom.xml)
args=("${@:-../shared/data/onnx}")
# shellcheck disable=SC2086
OMP_NUM_THREADS=$threads exec java -Xmx4g $opens -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$cp" io.sparkxai.bench.LrpSparkBench "${args[@]}"

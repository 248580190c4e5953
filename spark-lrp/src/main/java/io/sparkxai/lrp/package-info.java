/**
 * spark-lrp outside the pure core: {@link io.sparkxai.lrp.LrpEngines} builds engines on DJL's PyTorch engine,
 * {@link io.sparkxai.lrp.LrpExplainer} is the Spark ML stage (images or arrays in, relevance,
 * predictions and heatmaps out, batched per partition), {@link io.sparkxai.lrp.LrpReportPage} draws the
 * HTML report of explained images ({@link io.sparkxai.lrp.LrpExplainer#report}), and the stage
 * {@link io.sparkxai.lrp.LrpReport} returns that report as a one-row DataFrame (for Spark Connect
 * clients, which cannot call {@code report}); {@link io.sparkxai.lrp.LrpFunctions} is the
 * column-level API for registered graphs, {@link io.sparkxai.lrp.Heatmaps} the pictures,
 * {@link io.sparkxai.lrp.Preprocessing} how images become model inputs. Executor-side pieces are
 * package-private: the model's source and broadcast ({@code ModelSource}), the per-JVM engine cache
 * ({@code EngineCache}), the device choice ({@code TaskDevice}) and the partition loop
 * ({@code PartitionExplainer}).
 */
package io.sparkxai.lrp;

/**
 * What every module's tests share: {@link io.sparkxai.testkit.SparkSessionExtension} (one local
 * SparkSession per test class), {@link io.sparkxai.testkit.StageConformance} (the checks every Spark
 * ML stage must pass), {@link io.sparkxai.testkit.CorePurity} (the rule that algorithm cores do not
 * import Spark), {@link io.sparkxai.testkit.SharedData} (the data sets read in place) and the package
 * {@code io.sparkxai.testkit.browser} (self-contained HTML checked in a real headless Chromium).
 */
package io.sparkxai.testkit;

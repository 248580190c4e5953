/**
 * The algorithms of spark-concepts, free of Spark (and of any DJL engine: only DJL's
 * engine-neutral api): the synthetic concept benchmarks ({@link io.sparkxai.concepts.core.ConceptDataset}),
 * the networks as DJL blocks (concept bottleneck, concept embedding, entropy logic network), their training with DJL's training API and a resumable AdamW
 * ({@link io.sparkxai.concepts.core.NetworkTrainer}, {@link io.sparkxai.concepts.core.TrainingState}),
 * scoring ({@link io.sparkxai.concepts.core.NetworkRunner}), intervention policies, exact
 * two-level logic minimisation ({@link io.sparkxai.concepts.core.LogicMinimizer}), logic
 * explanations and their metrics ({@link io.sparkxai.concepts.core.LogicExplanations}) and the
 * concept-ceiling lookup table ({@link io.sparkxai.concepts.core.ConceptLookupTable}).
 *
 * <p>Determinism: every random draw comes from a {@link java.util.SplittableRandom} seeded by
 * {@link io.sparkxai.concepts.core.Seeds} from the user's seed and what the draw is for (a row, a
 * shard's epoch, a step), never from the engine's global generator, so results do not depend on
 * which task draws them. Transcendental functions in reproducible paths come from
 * {@link java.lang.StrictMath}. Training never calls DJL's {@code NDArray} overloads that take a
 * {@code Number}: they free the scalar's buffer while autograd still holds it, and a garbage
 * collection before the backward pass then changes the gradients (a test enforces the rule).
 */
package io.sparkxai.concepts.core;

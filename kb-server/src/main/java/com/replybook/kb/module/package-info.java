/**
 * The contract between features and the composition root: {@link com.replybook.kb.module.FeatureModule} (what a
 * feature contributes) and {@link com.replybook.kb.module.Platform} (what every feature builds on).
 */
package com.replybook.kb.module;

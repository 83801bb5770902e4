package org.gridloop.deploy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean, and the methods of it, that BPMN expressions may call
 * ({@code ${assignment.gridGroup(gridId)}}). Nothing else is visible to expressions: the engine gets
 * an explicit bean map ({@link PublishedBeans}), and every expression of a deployed model is
 * checked against it at deploy time ({@link ExpressionRules}). GridLoop's delegates (its
 * {@code JavaDelegate} beans) are published without this annotation, for
 * {@code camunda:delegateExpression="${notifyReporter}"}; they offer no methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublishedToModels {}

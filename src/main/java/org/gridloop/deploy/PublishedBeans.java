package org.gridloop.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans BPMN expressions may see, and the methods they may call on each: GridLoop's delegates
 * (no methods: a model names them in {@code camunda:delegateExpression}) and the beans annotated
 * {@link PublishedToModels} with their annotated methods. Read from the bean definitions, so the
 * engine can be given the map before any of these beans (which need the engine) exists; each bean
 * is fetched from Spring when an expression first names it.
 */
public final class PublishedBeans {

  private final ApplicationContext context;
  private final Map<String, Set<String>> methodsByBean;

  public PublishedBeans(ApplicationContext context) {
    this.context = context;
    this.methodsByBean = Collections.unmodifiableMap(scan(context));
  }

  /** A fixed set, for tests of the rules alone. */
  public static PublishedBeans of(Map<String, Set<String>> methodsByBean) {
    return new PublishedBeans(methodsByBean);
  }

  private PublishedBeans(Map<String, Set<String>> methodsByBean) {
    this.context = null;
    this.methodsByBean = Collections.unmodifiableMap(new TreeMap<>(methodsByBean));
  }

  public boolean isBean(String name) {
    return methodsByBean.containsKey(name);
  }

  /** The methods an expression may call on the bean (empty for a delegate). */
  public Set<String> methods(String beanName) {
    return methodsByBean.getOrDefault(beanName, Set.of());
  }

  /** Every published bean with its methods, by name: what the README lists. */
  public Map<String, Set<String>> all() {
    return methodsByBean;
  }

  /** The engine's bean map: only the published names resolve, each fetched from Spring on first use. */
  public Map<Object, Object> asEngineBeans() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && isBean(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        // Expressions resolve names one by one; nothing may list (and so instantiate) them all.
        return Set.of();
      }
    };
  }

  private static Map<String, Set<String>> scan(ApplicationContext context) {
    Map<String, Set<String>> beans = new TreeMap<>();
    for (Class<?> delegateType : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
      for (String name : context.getBeanNamesForType(delegateType, false, false)) {
        Class<?> type = context.getType(name, false);
        if (type != null && type.getName().startsWith("org.gridloop.")) {
          beans.putIfAbsent(name, Set.of());
        }
      }
    }
    for (String name : context.getBeanNamesForAnnotation(PublishedToModels.class)) {
      Class<?> type = context.getType(name, false);
      beans.put(name, publishedMethods(type));
    }
    return beans;
  }

  static Set<String> publishedMethods(Class<?> type) {
    Class<?> user = type;
    while (user.getName().contains("$$")) { // a Spring proxy subclass: the annotations are on the class itself
      user = user.getSuperclass();
    }
    return Arrays.stream(user.getMethods())
        .filter(m -> m.isAnnotationPresent(PublishedToModels.class) && Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public String toString() {
    return methodsByBean.toString();
  }
}

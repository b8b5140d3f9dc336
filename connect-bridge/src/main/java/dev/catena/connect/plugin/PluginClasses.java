package dev.catena.connect.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Finds and instantiates Kafka Connect plugin classes (transformations, predicates) by name, the
 * way a chain step or a migrated connector config names them.
 *
 * <p>The class is looked up in the thread's context class loader first, then in the loader of
 * this plugin. Inside a Connect worker the context loader during {@code configure()} is the
 * connector's plugin loader, which delegates to every installed plugin and to the worker's class
 * path (where the built-in SMTs live); the second loader covers callers outside a worker.
 */
public final class PluginClasses {
    private PluginClasses() {
    }

    /** Why a plugin could not be created, worded for a chain-file problem or a CLI message. */
    public static final class PluginException extends Exception {
        private static final long serialVersionUID = 1L;

        PluginException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A new instance of {@code className}, which must be a concrete {@code type} with a public
     * no-argument constructor.
     *
     * @param what how the user calls {@code type}: "a Transformation", "a Predicate"
     * @throws PluginException saying what was found instead
     */
    public static <T> T newInstance(String className, Class<T> type, String what) throws PluginException {
        Class<?> c = find(className);
        if (!type.isAssignableFrom(c)) {
            throw new PluginException(className + " is not " + what + " (" + type.getName() + ")", null);
        }
        if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
            throw new PluginException(className + " is abstract; name a concrete class such as " + className + "$Value or "
                    + className + "$Key", null);
        }
        try {
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new PluginException(className + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw new PluginException("the constructor of " + className + " threw " + t.getClass().getName() + ": "
                    + t.getMessage(), t);
        } catch (InstantiationException e) {
            throw new PluginException(className + " cannot be instantiated: " + e.getMessage(), e);
        }
    }

    private static Class<?> find(String className) throws PluginException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = PluginClasses.class.getClassLoader();
        ClassNotFoundException missing = null;
        for (ClassLoader loader : new ClassLoader[] {context, own}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                missing = e;
            } catch (LinkageError e) {
                throw new PluginException("class " + className + " cannot be loaded: " + e, e);
            }
        }
        String nested = nestedSpelling(className);
        if (nested != null) {
            throw new PluginException("class " + className + " not found; did you mean " + nested + "?", missing);
        }
        throw new PluginException("class " + className + " not found (looked in the thread's context class loader and"
                + " the Catena plugin's; is the plugin that has it installed on the worker?)", missing);
    }

    /** {@code a.b.Outer$Inner} when the user wrote {@code a.b.Outer.Inner} and that class exists. */
    private static String nestedSpelling(String className) {
        int dot = className.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String nested = className.substring(0, dot) + "$" + className.substring(dot + 1);
        try {
            Class.forName(nested, false, PluginClasses.class.getClassLoader());
            return nested;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}

package io.zsync.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Build-time facts (versions, where Maven put the Apicurio archive), overridable by system properties. */
final class StackProperties {

    private static final Properties BUILT = load();

    private StackProperties() {
    }

    static String get(String key) {
        String override = System.getProperty("zsync." + key);
        return override != null ? override : BUILT.getProperty(key);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = StackProperties.class.getResourceAsStream("stack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

package se.omsorgsnav.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread prepares, so a test can prove that a list costs
 * a constant number of statements whatever its length (no N+1). MockMvc runs the request on the
 * test's thread, so the count is the request's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);

    public static void reset() {
        COUNT.get().set(0);
    }

    public static int count() {
        return COUNT.get().get();
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
                    return proxy(DataSource.class, dataSource, (target, method, args) -> {
                        Object result = invoke(method, target, args);
                        return result instanceof Connection c ? proxy(Connection.class, c, StatementCounter::countStatements) : result;
                    });
                }
                return bean;
            }
        };
    }

    private static Object countStatements(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement") || method.getName().equals("prepareCall")) {
            COUNT.get().incrementAndGet();
        }
        return invoke(method, target, args);
    }

    interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

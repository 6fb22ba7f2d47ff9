package se.omsorgsnav.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written as the templates say. The webjars locator turns on Spring's resource chain,
 * and with it a filter that looks up every {@code @{…}} link of every page on the class path as a
 * possible static resource to version — inside the nested jar, under one lock, with misses not
 * remembered: under load the matching page waited on that lock more than on its database (JFR,
 * issue 7). We version no resources, and htmx's version-less webjar path is resolved where it is
 * served, so the rewriting is switched off rather than paid for on every link.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksNotRewritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}

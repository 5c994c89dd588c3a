package org.lianxin.calendar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The working-day calendar from lianxin.calendar.locations: the years packaged with the hub, then the county's own
 * files (for example next year's, once the State Council has announced it), which replace a packaged year.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfig {

    @Bean
    WorkingCalendar workingCalendar(ResourcePatternResolver resolver,
            @Value("${lianxin.calendar.locations}") String[] locations) throws IOException {
        List<Resource> files = new ArrayList<>();
        for (String location : locations) {
            Resource[] found = resolver.getResources(location.strip());
            Arrays.sort(found, Comparator.comparing(Resource::getDescription));
            files.addAll(Arrays.asList(found));
        }
        return WorkingCalendar.read(files);
    }
}

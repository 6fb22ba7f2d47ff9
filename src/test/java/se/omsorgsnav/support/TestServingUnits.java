package se.omsorgsnav.support;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.omsorgsnav.person.ServingUnits;

/**
 * Stands in for the modules that know who performs a person's services (PROT-13): answers nothing
 * unless a test says which unit serves whom, and {@link #clear}s in a finally block, as
 * {@link TestClock#reset} does.
 */
public class TestServingUnits implements ServingUnits {

    private final Map<UUID, Set<UUID>> served = new ConcurrentHashMap<>();

    public void serve(UUID personId, UUID unitId) {
        served.put(personId, Set.of(unitId));
    }

    public void clear() {
        served.clear();
    }

    @Override
    public Map<UUID, Set<UUID>> servingUnitsOf(Collection<UUID> personIds) {
        Map<UUID, Set<UUID>> answer = new java.util.HashMap<>();
        personIds.forEach(id -> {
            if (served.containsKey(id)) {
                answer.put(id, served.get(id));
            }
        });
        return answer;
    }
}

package io.threatingest.domain;

/**
 * One entity whose value a list matched.
 *
 * @param id the entity's ID
 * @param list the list's key
 * @param name the list's name
 */
public record ScreeningMatch(String id, String list, String name, ScreeningAction action) {
}

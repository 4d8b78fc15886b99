package cn.anwang.area.grid;

import jakarta.validation.constraints.Size;

/**
 * An edit of a grid's attributes; a null field stays as it is. The geometry changes only through an
 * import.
 *
 * @param externalId an empty string clears it
 * @param version the version the caller read; when given and stale, the edit is refused
 */
record GridChanges(
    @Size(max = GridImportValidator.MAX_NAME_LENGTH) String name,
    String type,
    @Size(max = 12) String divisionCode,
    @Size(max = GridImportValidator.MAX_EXTERNAL_ID_LENGTH) String externalId,
    Integer version) {}

/** The add-in's version, shown in About. Kept in step with package.json by a unit test. */
export const VERSION = '0.1.0';

// The admin's unit tests render screens with its words (see @codeflix/web-shared/testing).
import { renderer } from '@codeflix/web-shared/testing';
import { dictionaries } from '../messages';

export { answerFetch, fakeSession } from '@codeflix/web-shared/testing';
export const renderAt = renderer(dictionaries);

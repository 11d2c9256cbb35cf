/**
 * deck.gl's DataFilterExtension with categories that are already bit indices. The stock extension maps
 * every point's category through a JavaScript dictionary before upload (its attribute has a `transform`,
 * so binary data is read back point by point: ~0.4 s at a million points). Here a point's category *is*
 * its bit in the filter mask (0…127), so the binary column goes to the GPU as it is.
 */
import type { Layer, LayerContext } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';

/** Largest key a one-channel category filter can hold (a 128-bit mask). */
export const MAX_CLASS_KEY = 127;

export class ClassFilterExtension extends DataFilterExtension {
  static override extensionName = 'ClassFilterExtension';

  /** One category channel (keys 0…127) beside `filterSize` numeric filter values. */
  constructor(opts: { filterSize: 0 | 1 | 2 | 3 | 4 }) {
    super({ filterSize: opts.filterSize, categorySize: 1 });
  }

  override initializeState(this: Layer<DataFilterExtensionProps>, context: LayerContext, extension: this): void {
    super.initializeState.call(this, context, extension);
    const attributes = this.getAttributeManager();
    if (!attributes) return;
    // The same attribute as the stock one, minus the per-point dictionary transform.
    attributes.remove(['filterCategoryValues']);
    attributes.add({ filterCategoryValues: { size: 1, stepMode: 'dynamic', accessor: 'getFilterCategory', type: 'uint32' } });
  }

  /** A category is its own bit index. */
  override _getCategoryKey(this: Layer<DataFilterExtensionProps>, category: unknown): number {
    return category as number;
  }
}

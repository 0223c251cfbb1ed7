import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { BlobStore } from './pipeline/blob-store.js';
import { ingestDocument, type IngestResult } from './pipeline/ingest.js';
import { OfficeConverter } from './pipeline/office-convert.js';
import { PdfInspector } from './pipeline/pdf-inspector.js';
import { PdfNormalizer } from './pipeline/pdf-normalize.js';

/** The upload pipeline wired to the configuration: files under DATA_DIR/files, tools from the environment. */
@Injectable()
export class DocumentPipeline implements OnModuleInit {
  readonly store: BlobStore;
  private readonly inspector = new PdfInspector();
  private readonly converter: OfficeConverter;
  private readonly normalizer: PdfNormalizer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.store = new BlobStore(config.filesDir);
    this.converter = new OfficeConverter({ sofficePath: config.tools.soffice });
    this.normalizer = new PdfNormalizer({ qpdfPath: config.tools.qpdf });
  }

  async onModuleInit(): Promise<void> {
    await this.store.init();
    // Uploads interrupted by a crash leave temp files; anything older than a few hours is garbage.
    await this.store.cleanupTemp();
  }

  /** Streams the request body to disk (never whole in memory), then runs the checks. */
  async ingest(body: Readable, originalName: string, password?: string): Promise<IngestResult> {
    const temp = await this.store.writeStream(body, { maxBytes: this.config.uploadMaxBytes });
    return ingestDocument({
      tmpPath: temp.tmpPath,
      uploaded: temp, // hashed while streaming: no second read of the whole file
      originalName,
      password,
      store: this.store,
      inspector: this.inspector,
      converter: this.converter,
      normalizer: this.normalizer,
    });
  }
}

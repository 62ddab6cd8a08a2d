// The implementations of the tasks descriptors name (`task: 's3.download'`).
import { createBucketTask, presignTask } from './s3-requests.js';
import { deleteTask, downloadTask, uploadTask } from './s3-transfers.js';
import type { TaskRunner } from './task-context.js';

export const taskRunners: Record<string, TaskRunner> = {
  's3.download': downloadTask,
  's3.upload': uploadTask,
  's3.delete': deleteTask,
  's3.presign': presignTask,
  's3.create-bucket': createBucketTask,
};

export type { TaskContext, TaskRunner } from './task-context.js';

using MachineLearningDemo.Trainer;

ModelBuilder.CreateModel();
